package org.p2px.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A row of {@code assets}. */
@Entity
@Table(name = "assets")
public class AssetEntity extends PanacheEntityBase
{
    @Id
    public int id;
    public String code;
    public int scale;
    public boolean fiat;
}
