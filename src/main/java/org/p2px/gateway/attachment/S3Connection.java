package org.p2px.gateway.attachment;

import java.net.URI;

import org.jboss.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Builds the S3 store from {@code p2px.attachments.s3.*} and checks at start that its bucket answers, so a wrong
 * address, bucket or key stops the server with a message that names the setting, not the first upload.
 */
final class S3Connection
{
    private static final Logger LOG = Logger.getLogger(S3Connection.class);

    private S3Connection()
    {
    }

    static S3AttachmentStore open(final AttachmentSettings.S3Settings settings)
    {
        final String bucket = settings.bucket().orElseThrow(() -> new IllegalStateException(
            "p2px.attachments.store is s3 but p2px.attachments.s3.bucket is not set"));
        final S3Client s3 = client(settings);
        try
        {
            checkBucket(s3, bucket, settings);
        }
        catch (final RuntimeException ex)
        {
            s3.close();
            throw ex;
        }
        LOG.infof("attachments are stored in S3 bucket %s at %s", bucket, settings.endpoint().orElse("AWS"));
        return new S3AttachmentStore(s3, bucket, settings.prefix().orElse(""));
    }

    static S3Client client(final AttachmentSettings.S3Settings settings)
    {
        final S3ClientBuilder builder = S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(settings.region()))
            .forcePathStyle(settings.pathStyle())
            .credentialsProvider(credentials(settings));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(final AttachmentSettings.S3Settings settings)
    {
        if (settings.accessKeyId().isPresent() != settings.secretAccessKey().isPresent())
        {
            throw new IllegalStateException("set both p2px.attachments.s3.access-key-id and "
                + "p2px.attachments.s3.secret-access-key, or neither (the SDK's default credentials)");
        }
        return settings.accessKeyId().isPresent()
            ? StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId().get(),
                settings.secretAccessKey().get()))
            : DefaultCredentialsProvider.builder().build();
    }

    private static void checkBucket(final S3Client s3, final String bucket, final AttachmentSettings.S3Settings settings)
    {
        final String where = "bucket " + bucket + " at " + settings.endpoint().orElse("AWS") + " (p2px.attachments.s3.*)";
        try
        {
            s3.headBucket(request -> request.bucket(bucket));
        }
        catch (final S3Exception ex)
        {
            // A HEAD has no body to carry NoSuchBucket: its 404 alone says the bucket is missing.
            if (ex.statusCode() == 404)
            {
                createMissing(s3, bucket, settings, where, ex);
                return;
            }
            throw new IllegalStateException("The " + where + " refused access (HTTP " + ex.statusCode()
                + "): check the credentials and the bucket's policy", ex);
        }
        catch (final SdkException ex)
        {
            throw new IllegalStateException("The " + where + " cannot be reached: " + ex.getMessage(), ex);
        }
    }

    private static void createMissing(final S3Client s3, final String bucket, final AttachmentSettings.S3Settings settings,
        final String where, final S3Exception missing)
    {
        if (!settings.createBucket())
        {
            throw new IllegalStateException("The " + where + " does not exist: create it, or set "
                + "p2px.attachments.s3.create-bucket=true", missing);
        }
        s3.createBucket(request -> request.bucket(bucket));
        LOG.infof("created the %s", where);
    }
}
