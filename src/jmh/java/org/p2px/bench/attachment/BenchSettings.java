/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench.attachment;

import java.time.Duration;

import org.p2px.gateway.attachment.AttachmentSettings;

/** The defaults of {@code p2px.attachments.*} (AttachmentSettings), without Quarkus' configuration. */
final class BenchSettings implements AttachmentSettings
{
    static final AttachmentSettings DEFAULTS = new BenchSettings();

    @Override
    public Store store()
    {
        return Store.FILE;
    }

    @Override
    public String directory()
    {
        return "unused";
    }

    @Override
    public S3Settings s3()
    {
        throw new UnsupportedOperationException("the benchmark stores files");
    }

    @Override
    public long maxBytes()
    {
        return 5_242_880;
    }

    @Override
    public int maxPerOrder()
    {
        return 20;
    }

    @Override
    public int dailyQuota()
    {
        return 50;
    }

    @Override
    public int maxImageSide()
    {
        return 10_000;
    }

    @Override
    public long maxImagePixels()
    {
        return 40_000_000;
    }

    @Override
    public int concurrentDecodes()
    {
        return 2;
    }

    @Override
    public Duration retention()
    {
        return Duration.ofDays(180);
    }

    @Override
    public int thumbnailSize()
    {
        return 320;
    }
}
