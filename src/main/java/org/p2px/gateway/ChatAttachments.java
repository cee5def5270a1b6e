package org.p2px.gateway;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.gateway.view.AttachmentView;
import org.p2px.readmodel.AttachmentCitationRow;
import org.p2px.readmodel.AttachmentRow;

/**
 * The files a chat line carries: uploaded before (POST .../attachments), to the same order, by the line's author,
 * and not carried by another line yet, except that a statement of evidence may cite a file its author showed on an
 * earlier line (the file keeps that line; the statement gets an {@link AttachmentCitationRow}). The line and its
 * files are linked in one transaction.
 */
final class ChatAttachments
{
    static final int MAX_PER_LINE = 10;

    private ChatAttachments()
    {
    }

    /** A line's files: those it is the first to show, and those shown before that it cites (a statement only). */
    record Claim(List<AttachmentRow> shown, List<AttachmentRow> cited)
    {
        /** Links the files to the line {@code lineId} and answers them in upload order. Needs a transaction. */
        List<AttachmentView> linkTo(final long lineId)
        {
            shown.forEach(attachment -> attachment.messageId = lineId);
            cited.forEach(attachment -> AttachmentCitationRow.of(lineId, attachment.id).persist());
            return Stream.concat(shown.stream(), cited.stream()).sorted(Comparator.comparingLong(row -> row.id))
                .map(RowViews::attachment).toList();
        }
    }

    /**
     * Checks the ids and returns their rows; VALIDATION_FAILED naming {@code attachmentIds} otherwise. A file on
     * another line already is refused unless {@code mayCite} (a statement of evidence). Needs a transaction.
     */
    static Claim claim(final long authorId, final long orderId, final List<Long> ids, final boolean mayCite)
    {
        final Set<Long> distinct = ids == null ? Set.of() : new LinkedHashSet<>(ids);
        if (distinct.size() > MAX_PER_LINE)
        {
            throw invalid("at most " + MAX_PER_LINE + " files on one line.");
        }
        final List<AttachmentRow> shown = new ArrayList<>();
        final List<AttachmentRow> cited = new ArrayList<>();
        for (final Long id : distinct)
        {
            final AttachmentRow row = id == null ? null : AttachmentRow.findById(id);
            if (row == null || row.orderId != orderId || row.uploaderId != authorId || row.purgedAt != null)
            {
                throw invalid("no file " + id + " of yours in this order; upload it first.");
            }
            if (row.messageId == null)
            {
                shown.add(row);
            }
            else if (mayCite)
            {
                cited.add(row);
            }
            else
            {
                throw invalid("file " + id + " is already on line " + row.messageId + ".");
            }
        }
        return new Claim(shown, cited);
    }

    /** The files each of {@code lineIds} carries (shown first there or cited), in upload order. */
    static Map<Long, List<AttachmentView>> of(final Collection<Long> lineIds)
    {
        if (lineIds.isEmpty())
        {
            return Map.of();
        }
        final Map<Long, List<AttachmentRow>> files = AttachmentRow.<AttachmentRow>list("messageId in ?1", lineIds)
            .stream().collect(Collectors.groupingBy(row -> row.messageId, Collectors.toCollection(ArrayList::new)));
        final List<AttachmentCitationRow> citations = AttachmentCitationRow.list("messageId in ?1", lineIds);
        if (!citations.isEmpty())
        {
            final Map<Long, AttachmentRow> cited = AttachmentRow.<AttachmentRow>list("id in ?1",
                citations.stream().map(citation -> citation.attachmentId).toList()).stream()
                .collect(Collectors.toMap(row -> row.id, Function.identity()));
            citations.forEach(citation -> files.computeIfAbsent(citation.messageId, line -> new ArrayList<>())
                .add(cited.get(citation.attachmentId)));
        }
        final Map<Long, List<AttachmentView>> views = new HashMap<>();
        files.forEach((line, rows) -> views.put(line, rows.stream().sorted(Comparator.comparingLong(row -> row.id))
            .map(RowViews::attachment).toList()));
        return views;
    }

    private static ApiException invalid(final String why)
    {
        return ApiException.of(GatewayError.VALIDATION_FAILED, "attachmentIds: " + why);
    }
}
