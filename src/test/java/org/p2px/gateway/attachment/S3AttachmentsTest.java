package org.p2px.gateway.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The attachment cases against the S3 store and a real S3-compatible server (S3Mock, started by the profile), plus
 * what only S3 has: the object under its hash, the server's check of the SHA-256 sent with it, the start's check of
 * the bucket.
 */
@QuarkusTest
@TestProfile(S3StoreProfile.class)
class S3AttachmentsTest extends AttachmentsContract
{
    @Override
    void tamper(final String sha256, final byte[] bytes)
    {
        try (S3Client s3 = S3Connection.client(settings.s3()))
        {
            s3.putObject(request -> request.bucket(S3MockServer.BUCKET).key(S3MockServer.PREFIX + sha256),
                RequestBody.fromBytes(bytes));
        }
    }

    @Test
    void anUploadIsAnObjectUnderItsHashAndItsPrefix()
    {
        final Trade trade = Trade.open();
        final byte[] pdf = TestFiles.pdf();
        upload(trade.buyer(), trade.orderId(), "statement.pdf", "application/pdf", pdf).then().statusCode(201);
        try (S3Client s3 = S3Connection.client(settings.s3()))
        {
            final HeadObjectResponse head = s3.headObject(request -> request.bucket(S3MockServer.BUCKET)
                .key(S3MockServer.PREFIX + sha256(pdf)));
            assertEquals(pdf.length, head.contentLength());
        }
    }

    @Test
    void theServerRefusesBytesThatDoNotMatchTheSha256SentWithThem() throws IOException
    {
        final Path file = Files.createTempFile("s3-checksum", ".bin");
        Files.write(file, TestFiles.pdf());
        final String claimed = sha256(TestFiles.png(3, 3));
        try (S3Client s3 = S3Connection.client(settings.s3()))
        {
            final S3Exception refused = assertThrows(S3Exception.class, () -> s3.putObject(request -> request
                    .bucket(S3MockServer.BUCKET).key(S3MockServer.PREFIX + claimed)
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                    .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(claimed))),
                RequestBody.fromFile(file)));
            assertEquals(400, refused.statusCode());
            assertThrows(NoSuchKeyException.class, () -> s3.headObject(request -> request.bucket(S3MockServer.BUCKET)
                .key(S3MockServer.PREFIX + claimed)));
        }
        finally
        {
            Files.delete(file);
        }
    }

    @Test
    void aMissingBucketOrAnUnreachableServerStopsTheStartWithTheSettingNamed()
    {
        final IllegalStateException missing = assertThrows(IllegalStateException.class,
            () -> S3Connection.open(new S3Overrides(settings.s3(), settings.s3().endpoint(), "no-such-bucket")));
        assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
        assertTrue(missing.getMessage().contains("p2px.attachments.s3.create-bucket=true"), missing.getMessage());

        final IllegalStateException unreachable = assertThrows(IllegalStateException.class,
            () -> S3Connection.open(new S3Overrides(settings.s3(), Optional.of("http://127.0.0.1:" + S3MockServer.freePort()),
                S3MockServer.BUCKET)));
        assertTrue(unreachable.getMessage().contains("cannot be reached"), unreachable.getMessage());
    }

    /** The test profile's S3 settings with another endpoint and bucket, and no bucket created. */
    private record S3Overrides(AttachmentSettings.S3Settings base, Optional<String> endpoint, String name)
        implements AttachmentSettings.S3Settings
    {
        @Override
        public Optional<String> bucket()
        {
            return Optional.of(name);
        }

        @Override
        public String region()
        {
            return base.region();
        }

        @Override
        public Optional<String> accessKeyId()
        {
            return base.accessKeyId();
        }

        @Override
        public Optional<String> secretAccessKey()
        {
            return base.secretAccessKey();
        }

        @Override
        public boolean pathStyle()
        {
            return true;
        }

        @Override
        public Optional<String> prefix()
        {
            return base.prefix();
        }

        @Override
        public boolean createBucket()
        {
            return false;
        }
    }
}
