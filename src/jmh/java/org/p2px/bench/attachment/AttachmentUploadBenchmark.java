/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench.attachment;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.p2px.gateway.attachment.AttachmentStore;
import org.p2px.gateway.attachment.FileAttachmentStore;
import org.p2px.gateway.attachment.ScratchFolder;
import org.p2px.gateway.attachment.Inspected;
import org.p2px.gateway.attachment.UploadInspector;

/**
 * The server's side of an upload without HTTP or the database: an upload's file checked and made safe
 * ({@link UploadInspector}: type from the bytes, an image decoded and written anew with its thumbnail, a PDF
 * checked) and stored by its hash ({@link FileAttachmentStore}: copy, fsync, rename). One operation is one upload;
 * {@code gc.alloc.rate.norm} is the heap one upload allocates. The stored bytes are deleted after each operation, so
 * the store never finds them already there and writes them every time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class AttachmentUploadBenchmark
{
    private static final int PHOTO_WIDTH = 1080;
    private static final int PHOTO_HEIGHT = 1920;

    private Path folder;
    private Path png;
    private Path pdf;
    private AttachmentStore store;
    private UploadInspector inspector;

    @Setup(Level.Trial)
    public void setUp() throws IOException
    {
        folder = Files.createTempDirectory("p2px-upload-bench");
        store = new FileAttachmentStore(folder.resolve("store"));
        inspector = new UploadInspector(BenchSettings.DEFAULTS, new ScratchFolder(folder.resolve("scratch")));
        png = folder.resolve("upload.png");
        pdf = folder.resolve("upload.pdf");
        ImageIO.write(screenshot(), "png", png.toFile());
        Files.write(pdf, BenchPdf.of(200_000));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException
    {
        store.close();
        try (Stream<Path> files = Files.walk(folder))
        {
            for (final Path file : files.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(file);
            }
        }
    }

    /** A 1080 x 1920 PNG screenshot of a bank app: decoded, re-encoded, thumbnailed, stored. */
    @Benchmark
    public String pngScreenshot() throws IOException
    {
        return upload(png);
    }

    /** A 200 kB PDF statement: checked and stored as sent. */
    @Benchmark
    public String pdfStatement() throws IOException
    {
        return upload(pdf);
    }

    private String upload(final Path file) throws IOException
    {
        final Inspected inspected = inspector.inspect(file);
        try
        {
            final String sha256 = store.put(inspected.content());
            if (inspected.thumbnail() != null)
            {
                store.put(inspected.thumbnail());
            }
            store.delete(sha256);
            return sha256;
        }
        finally
        {
            inspected.deleteTemporary(file);
        }
    }

    private static BufferedImage screenshot()
    {
        final BufferedImage image = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_INT_RGB);
        final Graphics2D graphics = image.createGraphics();
        graphics.setColor(Color.WHITE);
        graphics.fillRect(0, 0, PHOTO_WIDTH, PHOTO_HEIGHT);
        graphics.setColor(new Color(0x1a, 0x73, 0xe8));
        graphics.fillRect(0, 0, PHOTO_WIDTH, 240);
        graphics.setColor(Color.DARK_GRAY);
        for (int line = 0; line < 40; line++)
        {
            graphics.drawString("Transfer 92.00 EUR to DE89 3704 0044 0532 0130 00, ref " + line, 60, 320 + line * 38);
        }
        graphics.dispose();
        return image;
    }
}
