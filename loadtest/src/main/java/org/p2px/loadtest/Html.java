package org.p2px.loadtest;

import java.util.List;

/** The few pieces of HTML the report is made of, escaped. */
final class Html
{
    private Html()
    {
    }

    static String escape(final String text)
    {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String table(final List<String> header, final List<List<String>> rows)
    {
        final StringBuilder html = new StringBuilder("<table><tr>");
        header.forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
        html.append("</tr>");
        for (final List<String> row : rows)
        {
            html.append("<tr>");
            row.forEach(cell -> html.append("<td>").append(escape(cell)).append("</td>"));
            html.append("</tr>");
        }
        return html.append("</table>").toString();
    }
}
