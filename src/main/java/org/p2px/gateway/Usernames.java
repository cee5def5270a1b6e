package org.p2px.gateway;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import org.p2px.readmodel.UserAccount;

/** The names of users by id, in one query per list rather than one per row. */
@Singleton
public class Usernames
{
    public Map<Long, String> of(final Collection<Long> userIds)
    {
        final Map<Long, String> names = new HashMap<>();
        if (userIds.isEmpty())
        {
            return names;
        }
        final Set<Long> distinct = Set.copyOf(userIds);
        UserAccount.getEntityManager()
            .createQuery("select u.id, u.username from UserAccount u where u.id in :ids", Object[].class)
            .setParameter("ids", distinct)
            .getResultList()
            .forEach(pair -> names.put((Long)pair[0], (String)pair[1]));
        return names;
    }

    public String of(final long userId)
    {
        return of(Set.of(userId)).get(userId);
    }
}
