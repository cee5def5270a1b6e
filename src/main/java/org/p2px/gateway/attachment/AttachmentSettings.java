package org.p2px.gateway.attachment;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits and storage of attachments, under {@code p2px.attachments.*} (docs/operations.md, "Attachments"). */
@ConfigMapping(prefix = "p2px.attachments")
public interface AttachmentSettings
{
    /** Where the file store keeps the bytes, content-addressed; application.properties puts it in the data directory. */
    String directory();

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
