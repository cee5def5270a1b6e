package org.p2px.readmodel;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of an order's chat. Table chat_messages. */
@Entity
@Table(name = "chat_messages")
public class ChatMessageRow extends PanacheEntityBase
{
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public long id;
    @Column(name = "order_id")
    public long orderId;
    @Column(name = "author_id")
    public Long authorId;
    public String kind;
    public String text;
    @Column(name = "sent_at")
    public Instant sentAt;
}
