package org.p2px.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest
{
    @Test
    void writesAPageWithoutNetworkTheHistogramsAndTheSummary(@TempDir final Path dir) throws Exception
    {
        final Latencies latencies = new Latencies(System.nanoTime());
        for (int i = 0; i < 1000; i++)
        {
            latencies.record("order.take", 1_000_000L + i * 10_000L);
            latencies.offered();
        }
        latencies.refused("order.take", "BUSY");
        latencies.sample();
        latencies.sample();
        final Report report = new Report("trade", "p2px-loadtest trade --rate 5 <script>");
        report.section("Trade flow");
        report.latencies("trade", latencies, "order.take");

        report.write(dir);

        final String page = Files.readString(dir.resolve("report.html"));
        assertFalse(page.contains("<script>"), "the command is escaped");
        assertFalse(page.contains("http://") && page.replace("http://www.w3.org/2000/svg", "").contains("http://"),
            "nothing is loaded from the network");
        assertTrue(page.contains("{BUSY=1}"));
        final String hgrm = Files.readString(dir.resolve("trade-order.take.hgrm"));
        assertTrue(hgrm.contains("#[Mean"), hgrm);
        assertTrue(Files.readString(dir.resolve("summary.txt")).contains("order.take"));
    }

    @Test
    void chartsAreWellFormedSvg() throws Exception
    {
        final Histogram h = new Histogram(Latencies.HIGHEST, 3);
        for (int i = 1; i <= 10_000; i++)
        {
            h.recordValue(i * 1_000L);
        }
        final List<String> svgs = List.of(Chart.percentiles(Map.of("a <b>", h)),
            Chart.lines(List.of(new Chart.Series("p99", new double[]{ 1, 2, 3 }, new double[]{ 0.5, 7, 2 })), "s", "ms"),
            Chart.lines(List.of(), "s", "ms"));
        for (final String svg : svgs)
        {
            final Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
            assertEquals("svg", doc.getDocumentElement().getNodeName());
        }
    }
}
