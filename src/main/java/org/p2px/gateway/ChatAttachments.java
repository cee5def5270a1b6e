package org.p2px.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.readmodel.AttachmentRow;

/**
 * The files a chat line carries: uploaded before (POST .../attachments), to the same order, by the line's author,
 * and not carried by another line yet. The line and its files are linked in one transaction.
 */
final class ChatAttachments
{
    static final int MAX_PER_LINE = 10;

    private ChatAttachments()
    {
    }

    /** Checks the ids and returns their rows; VALIDATION_FAILED naming {@code attachmentIds} otherwise. Needs a transaction. */
    static List<AttachmentRow> claim(final long authorId, final long orderId, final List<Long> ids)
    {
        final Set<Long> distinct = ids == null ? Set.of() : new LinkedHashSet<>(ids);
        if (distinct.size() > MAX_PER_LINE)
        {
            throw invalid("at most " + MAX_PER_LINE + " files on one line.");
        }
        final List<AttachmentRow> rows = new ArrayList<>();
        for (final Long id : distinct)
        {
            final AttachmentRow row = id == null ? null : AttachmentRow.findById(id);
            if (row == null || row.orderId != orderId || row.uploaderId != authorId || row.purgedAt != null)
            {
                throw invalid("no file " + id + " of yours in this order; upload it first.");
            }
            if (row.messageId != null)
            {
                throw invalid("file " + id + " is already on line " + row.messageId + ".");
            }
            rows.add(row);
        }
        return rows;
    }

    /** The files each of {@code lineIds} carries, in upload order. */
    static Map<Long, List<AttachmentView>> of(final Collection<Long> lineIds)
    {
        if (lineIds.isEmpty())
        {
            return Map.of();
        }
        return AttachmentRow.<AttachmentRow>list("messageId in ?1 order by id", lineIds).stream()
            .collect(Collectors.groupingBy(row -> row.messageId, Collectors.mapping(RowViews::attachment,
                Collectors.toList())));
    }

    private static ApiException invalid(final String why)
    {
        return ApiException.of(GatewayError.VALIDATION_FAILED, "attachmentIds: " + why);
    }
}
