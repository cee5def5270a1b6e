package org.p2px.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An ad's terms and auto-reply: texts the core does not need, kept beside it. */
@Entity
@Table(name = "ad_texts")
public class AdTextEntity extends PanacheEntityBase
{
    @Id
    @Column(name = "ad_id")
    public long adId;
    public String terms;
    @Column(name = "auto_reply")
    public String autoReply;
    /** A PRIVATE ad's link: 128 random bits, base64url; null until the ad first becomes PRIVATE. */
    @Column(name = "link_token")
    public String linkToken;
    /** When a gateway last wrote the row (null before V12): other gateways sharing the database read it since then. */
    @Column(name = "updated_at")
    public Instant updatedAt;
}
