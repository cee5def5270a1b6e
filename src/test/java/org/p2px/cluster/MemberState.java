package org.p2px.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** What a member's metrics say of its place in the cluster: role, election state and leadership term (-1: unknown). */
record MemberState(int role, int electionState, long leadershipTerm)
{
    private static final int LEADER = 2;
    private static final int ELECTION_CLOSED = 17;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** From the member's metrics endpoint; all -1 while it does not answer. */
    static MemberState read(final int metricsPort)
    {
        try
        {
            final String text = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + metricsPort + "/metrics"))
                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new MemberState((int) value(text, "p2px_cluster_role"), (int) value(text, "p2px_cluster_election_state"),
                value(text, "p2px_cluster_leadership_term"));
        }
        catch (final IOException ex)
        {
            return new MemberState(-1, -1, -1);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return new MemberState(-1, -1, -1);
        }
    }

    /** Every member's election closed, in one term, with exactly one leader among them. */
    static boolean agree(final List<MemberState> states)
    {
        final long term = states.get(0).leadershipTerm;
        return term >= 0
            && states.stream().allMatch(state -> state.electionState == ELECTION_CLOSED && state.leadershipTerm == term)
            && states.stream().filter(state -> state.role == LEADER).count() == 1;
    }

    private static long value(final String metrics, final String series)
    {
        for (final String line : metrics.split("\n"))
        {
            if (line.startsWith(series + "{") || line.startsWith(series + " "))
            {
                return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }
}
