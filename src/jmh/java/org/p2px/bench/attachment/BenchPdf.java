/*
 * Copyright 2026 the p2px authors. Licensed under the Apache License, Version 2.0.
 */
package org.p2px.bench.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A well-formed PDF of a given size: a catalog, then comment lines of filler, then the trailer. */
final class BenchPdf
{
    private static final int FILLER_OFFSET = 120;

    private static final byte[] HEAD = ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n").getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] TAIL = "\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private BenchPdf()
    {
    }

    static byte[] of(final int size)
    {
        final byte[] pdf = new byte[size];
        System.arraycopy(HEAD, 0, pdf, 0, HEAD.length);
        Arrays.fill(pdf, HEAD.length, size - TAIL.length, (byte)' ');
        for (int line = FILLER_OFFSET; line < size - TAIL.length; line += 80)
        {
            pdf[line] = '%';
            pdf[Math.min(line + 79, size - TAIL.length - 1)] = '\n';
        }
        System.arraycopy(TAIL, 0, pdf, size - TAIL.length, TAIL.length);
        return pdf;
    }
}
