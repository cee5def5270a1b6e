package org.p2px.codec;

/** Fills the trading rules of a SetRules command, a RulesSet event or a snapshot's RulesRecord. */
@FunctionalInterface
public interface RulesWriter
{
    void write(RulesEncoder rules);
}
