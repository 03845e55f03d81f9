package org.invoicepipeline.client.model;

import java.util.Locale;

/** Whose extractions a call sees: the caller's own, or (team admins only) the whole team's. */
public enum Scope {
    OWN, TEAM;

    public String apiValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
