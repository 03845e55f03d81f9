package org.invoicepipeline.sandbox.account;

/** Whether an API key is accepted, and if not, which 401 it is answered with. */
public enum KeyState {
    ACTIVE,
    EXPIRED,
    REVOKED
}
