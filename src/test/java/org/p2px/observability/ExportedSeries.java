package org.p2px.observability;

import java.util.List;

/**
 * The series the dashboard, the alert rules and the docs may name, as PromQL names them. {@link MetricsEndpointTest}
 * holds the server to this list (every {@code p2px_} series it exports is here, and everything here is exported), so
 * {@link DashboardAndAlertsTest} can check the deploy files against it without starting a server. A cluster member's
 * own series ({@link #CLUSTER_MEMBER}) are held to it by {@code ClusterRebuildTest}, which scrapes the members.
 */
public final class ExportedSeries
{
    /** What a cluster member serves at its metrics port ({@code org.p2px.cluster.MemberMetrics}). */
    public static final List<String> CLUSTER_MEMBER = List.of(
        "p2px_cluster_role",
        "p2px_cluster_consensus_state",
        "p2px_cluster_election_state",
        "p2px_cluster_commit_position",
        "p2px_cluster_leadership_term",
        "p2px_cluster_journaled_batch",
        "p2px_cluster_elections_total",
        "p2px_cluster_snapshots_total",
        "p2px_cluster_timed_out_clients_total",
        "p2px_cluster_errors_total");

    /** Every series of the application's own. */
    static final List<String> P2PX = List.of(
        "p2px_engine_ready",
        "p2px_commands_total",
        "p2px_rejections_total",
        "p2px_core_busy_seconds_total",
        "p2px_ring_used_bytes",
        "p2px_ring_capacity_bytes",
        "p2px_ring_busy_total",
        "p2px_journal_batches_total",
        "p2px_journal_append_failures_total",
        "p2px_journal_append_seconds_count",
        "p2px_journal_append_seconds_sum",
        "p2px_journal_append_quantile_seconds",
        "p2px_journal_append_max_seconds",
        "p2px_snapshot_age_seconds",
        "p2px_snapshot_lag_batches",
        "p2px_snapshot_duration_seconds",
        "p2px_snapshot_size_bytes",
        "p2px_snapshot_failed",
        "p2px_recovery_duration_seconds",
        "p2px_recovery_replayed_batches",
        "p2px_projector_lag_batches",
        "p2px_projector_lag_seconds",
        "p2px_projector_failing",
        "p2px_database_reachable",
        "p2px_live_view_lag_batches",
        "p2px_ws_connections",
        "p2px_ws_subscriptions",
        "p2px_ws_pushes_total",
        "p2px_ws_slow_clients_closed_total",
        "p2px_rate_limit_refusals_total",
        "p2px_sign_in_failures_total",
        "p2px_lockouts_total");

    /** What Quarkus' own binders export and the dashboard and alerts use (HTTP server, JVM, process). */
    static final List<String> QUARKUS = List.of(
        "http_server_requests_seconds_count",
        "http_server_requests_seconds_sum",
        "jvm_memory_used_bytes",
        "jvm_memory_max_bytes",
        "jvm_gc_overhead",
        "jvm_threads_live_threads",
        "process_cpu_usage");

    /** The prefixes of the names above: a name in an expression with one of them must be one of them. */
    static final List<String> PREFIXES = List.of("p2px_", "http_server_", "jvm_", "process_", "system_");

    private ExportedSeries()
    {
    }
}
