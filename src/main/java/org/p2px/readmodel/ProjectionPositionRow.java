package org.p2px.readmodel;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The projector's position: the last journal batch sequence in the read models (one row, id 1). Table projection_position. */
@Entity
@Table(name = "projection_position")
public class ProjectionPositionRow extends PanacheEntityBase
{
    @Id
    public int id;
    @Column(name = "batch_sequence")
    public long batchSequence;
}
