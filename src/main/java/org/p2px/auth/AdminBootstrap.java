package org.p2px.auth;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import org.p2px.api.ApiException;
import org.p2px.api.GatewayError;
import org.p2px.codec.ErrorCode;
import org.p2px.readmodel.UserAccount;
import org.p2px.readmodel.UserRole;
import org.p2px.server.CoreCommands;

/**
 * Creates the first admin from {@code p2px.auth.admin.username} and {@code .password} when that username is free
 * (the embedded default sets admin/admin; production sets nothing, so nobody is created). Runs after the engine
 * has started (its observer has the default priority, APPLICATION + 500). An admin already in the database is registered in the core again, which is a no-op unless the
 * journal was started afresh beside an existing database.
 */
@ApplicationScoped
public class AdminBootstrap
{
    private static final System.Logger LOG = System.getLogger(AdminBootstrap.class.getName());
    private static final int ADMIN_KYC_LEVEL = 3;

    private final AuthSettings settings;
    private final Accounts accounts;
    private final CoreCommands core;

    public AdminBootstrap(final AuthSettings settings, final Accounts accounts, final CoreCommands core)
    {
        this.settings = settings;
        this.accounts = accounts;
        this.core = core;
    }

    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) final StartupEvent event)
    {
        final String username = settings.admin().username().orElse(null);
        final String password = settings.admin().password().orElse(null);
        if (username == null || password == null)
        {
            return;
        }
        final UserAccount existing = QuarkusTransaction.requiringNew().call(() ->
            UserAccount.findByUsername(username).orElse(null));
        if (existing == null)
        {
            try
            {
                final UserAccount admin = accounts.signUp(username, password, UserRole.ADMIN, ADMIN_KYC_LEVEL);
                LOG.log(System.Logger.Level.WARNING, "created the first admin \"{0}\" (id {1}) from configuration: " +
                    "change its password", username, admin.id);
            }
            catch (final ApiException ex)
            {
                // Another gateway sharing the database created it at the same moment: it registered it too.
                if (!GatewayError.USERNAME_TAKEN.name().equals(ex.code()))
                {
                    throw ex;
                }
            }
            return;
        }
        try
        {
            core.registerUser(existing.id, existing.role.toCore(), existing.kycLevel);
        }
        catch (final ApiException ex)
        {
            if (!ErrorCode.USER_EXISTS.name().equals(ex.code()))
            {
                throw ex;
            }
        }
    }
}
