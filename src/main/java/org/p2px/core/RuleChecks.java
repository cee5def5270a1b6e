package org.p2px.core;

/**
 * Collects the trading rules that are out of range, each with its name and value, so that a refusal says which
 * ones and why (a record's compact constructor cannot print the record, whose fields are not set yet).
 */
final class RuleChecks
{
    private final StringBuilder failures = new StringBuilder();

    void atLeast(final String rule, final long value, final long least)
    {
        if (value < least)
        {
            fail(rule + " is " + value + ", below " + least);
        }
    }

    void within(final String rule, final long value, final long least, final long most)
    {
        if (value < least || value > most)
        {
            fail(rule + " is " + value + ", not from " + least + " to " + most);
        }
    }

    void throwIfAny()
    {
        if (failures.length() > 0)
        {
            throw new IllegalArgumentException("invalid trading rules: " + failures);
        }
    }

    private void fail(final String failure)
    {
        failures.append(failures.length() == 0 ? "" : "; ").append(failure);
    }
}
