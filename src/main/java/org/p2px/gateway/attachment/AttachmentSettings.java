package org.p2px.gateway.attachment;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and storage of attachments, under {@code p2px.attachments.*} (docs/operations.md, "Attachments"). */
@ConfigMapping(prefix = "p2px.attachments")
public interface AttachmentSettings
{
    /** Which store keeps the bytes. */
    enum Store
    {
        /** {@link FileAttachmentStore}: files under {@link #directory()}. */
        FILE,
        /** {@link S3AttachmentStore}: objects in an S3-compatible bucket, {@link #s3()}. */
        S3
    }

    @WithDefault("file")
    Store store();

    /** Where the file store keeps the bytes, content-addressed; application.properties puts it in the data directory. */
    String directory();

    /** The S3 store's bucket and how to reach it; read only when {@link #store()} is S3. */
    S3Settings s3();

    /** {@code p2px.attachments.s3.*}. */
    interface S3Settings
    {
        /** The service's address, such as {@code https://s3.eu-central-1.amazonaws.com} or a MinIO; AWS's when absent. */
        Optional<String> endpoint();

        Optional<String> bucket();

        @WithDefault("us-east-1")
        String region();

        /** With the secret, static credentials; when absent, the SDK's default chain (environment, profile, role). */
        Optional<String> accessKeyId();

        Optional<String> secretAccessKey();

        /** Addresses the bucket in the path ({@code endpoint/bucket/key}), as MinIO and most non-AWS services need. */
        @WithDefault("false")
        boolean pathStyle();

        /** Put before every key, such as {@code attachments/}, so the bucket can hold other things. */
        Optional<String> prefix();

        /** Create the bucket at start when it is missing; otherwise a missing bucket stops the server. */
        @WithDefault("false")
        boolean createBucket();
    }

    /** The largest upload, in bytes; a larger body is 413 before it is read to its end. */
    @WithDefault("5242880")
    long maxBytes();

    /** Attachments one order may hold. */
    @WithDefault("20")
    int maxPerOrder();

    /** Attachments one user may upload in 24 hours. */
    @WithDefault("50")
    int dailyQuota();

    /** The widest or tallest image accepted, read from its header before a pixel is decoded. */
    @WithDefault("10000")
    int maxImageSide();

    /** The most pixels (width times height) of an image accepted, read from its header likewise. */
    @WithDefault("40000000")
    long maxImagePixels();

    /** Images decoded at once (each may take width x height x 4 bytes of heap); others wait their turn. */
    @WithDefault("2")
    int concurrentDecodes();

    /**
     * How long after its order finished an attachment's bytes are kept; then retention deletes them (the row stays,
     * marked purged). Orders under appeal have not finished.
     */
    @WithDefault("P180D")
    Duration retention();

    /** The longest side of a thumbnail. */
    @WithDefault("320")
    int thumbnailSize();
}
