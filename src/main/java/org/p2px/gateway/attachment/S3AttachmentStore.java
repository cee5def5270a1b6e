package org.p2px.gateway.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Attachments as objects in an S3-compatible bucket, each under {@code <prefix><sha256>}. An upload is streamed from
 * its file with its length and its SHA-256, which the service checks before it stores anything, so an object is
 * whole or absent. The same bytes always go to the same key: putting them again is harmless (and heals an object
 * that was altered). Downloads are streamed; the caller checks them against the journaled hash.
 */
public final class S3AttachmentStore implements AttachmentStore
{
    private final S3Client s3;
    private final String bucket;
    private final String prefix;

    /** Takes over {@code s3}, closed with this store. */
    public S3AttachmentStore(final S3Client s3, final String bucket, final String prefix)
    {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix;
    }

    @Override
    public String put(final Path file) throws IOException
    {
        final byte[] digest = Sha256.of(file);
        final String sha256 = Sha256.hex(digest);
        final long size = Files.size(file);
        try
        {
            s3.putObject(request -> request.bucket(bucket).key(keyOf(sha256)).contentLength(size)
                    .contentType("application/octet-stream")
                    .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                    .checksumSHA256(Base64.getEncoder().encodeToString(digest)),
                RequestBody.fromFile(file));
        }
        catch (final SdkException ex)
        {
            throw new IOException("could not store " + sha256 + " in bucket " + bucket, ex);
        }
        return sha256;
    }

    @Override
    public InputStream open(final String sha256) throws IOException
    {
        try
        {
            return s3.getObject(request -> request.bucket(bucket).key(keyOf(sha256)));
        }
        catch (final NoSuchKeyException ex)
        {
            return null;
        }
        catch (final SdkException ex)
        {
            throw new IOException("could not read " + sha256 + " from bucket " + bucket, ex);
        }
    }

    @Override
    public void delete(final String sha256) throws IOException
    {
        try
        {
            s3.deleteObject(request -> request.bucket(bucket).key(keyOf(sha256)));
        }
        catch (final SdkException ex)
        {
            throw new IOException("could not delete " + sha256 + " from bucket " + bucket, ex);
        }
    }

    /** The object's key; only a well-formed hash is ever turned into one. */
    public String keyOf(final String sha256)
    {
        return prefix + Sha256.requireHex(sha256);
    }

    @Override
    public void close()
    {
        s3.close();
    }
}
