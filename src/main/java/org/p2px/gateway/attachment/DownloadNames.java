package org.p2px.gateway.attachment;

/** The name a download is saved under: the uploaded name with the extension of what is actually served. */
final class DownloadNames
{
    private DownloadNames()
    {
    }

    static String of(final String uploaded, final String mediaType, final boolean thumbnail)
    {
        final int dot = uploaded.lastIndexOf('.');
        final String base = dot > 0 ? uploaded.substring(0, dot) : uploaded;
        final String extension = switch (mediaType)
        {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            default -> ".pdf";
        };
        return base + (thumbnail ? "-thumbnail" : "") + extension;
    }
}
