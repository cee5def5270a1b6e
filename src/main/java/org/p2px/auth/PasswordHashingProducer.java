package org.p2px.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The server's one {@link PasswordHashing}, sized by {@code p2px.auth.hashing.*}. */
@ApplicationScoped
public class PasswordHashingProducer
{
    @Produces
    @Singleton
    PasswordHashing passwordHashing(final AuthSettings settings)
    {
        final int threads = settings.hashing().threads()
            .orElse(Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        return new PasswordHashing(threads, settings.hashing().queue());
    }

    void close(@Disposes final PasswordHashing hashing)
    {
        hashing.close();
    }
}
