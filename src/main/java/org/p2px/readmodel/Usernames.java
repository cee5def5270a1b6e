package org.p2px.readmodel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * Every user's name, in memory: answers built from the live view (an order, an ad) name their users without
 * reading the database, so an answer to a command that the engine has already applied cannot fail because the
 * database is slow or away. Loaded on start, and each new account is added as it is created; usernames never
 * change. About 100 bytes a user.
 */
@Singleton
public class Usernames
{
    private final Map<Long, String> names = new ConcurrentHashMap<>();

    void load(@Observes final StartupEvent event)
    {
        QuarkusTransaction.requiringNew().run(() -> UserAccount.getEntityManager()
            .createQuery("select u.id, u.username from UserAccount u", Object[].class)
            .getResultStream()
            .forEach(row -> names.put((Long)row[0], (String)row[1])));
    }

    /** Called once the account's row has its id. */
    public void add(final long userId, final String username)
    {
        names.put(userId, username);
    }

    /** The user's name if held in memory, else null: never reads the database (the audit log names users with it). */
    public String held(final long userId)
    {
        return names.get(userId);
    }

    public boolean knows(final long userId)
    {
        return names.containsKey(userId);
    }

    /**
     * The user's name, or null for an id no account has. An id not held (an account made by another process
     * sharing the database) is read once.
     */
    public String of(final long userId)
    {
        final String held = names.get(userId);
        if (held != null)
        {
            return held;
        }
        final String read = QuarkusTransaction.joiningExisting().call(() ->
        {
            final UserAccount account = UserAccount.findById(userId);
            return account == null ? null : account.username;
        });
        if (read != null)
        {
            names.put(userId, read);
        }
        return read;
    }
}
