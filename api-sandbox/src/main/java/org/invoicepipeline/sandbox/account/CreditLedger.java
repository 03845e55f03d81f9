package org.invoicepipeline.sandbox.account;

/** An account's credit balance and the part of it held by extractions in progress. */
public final class CreditLedger {

    private long balance;
    private long reserved;

    public CreditLedger(long initialBalance) {
        this.balance = initialBalance;
    }

    public synchronized CreditsSnapshot snapshot() {
        return new CreditsSnapshot(balance, reserved);
    }

    public synchronized void setBalance(long newBalance) {
        balance = newBalance;
    }

    /** Holds {@code amount} credits if that many are usable; answers whether it did. */
    public synchronized boolean tryReserve(long amount) {
        if (balance - reserved < amount) {
            return false;
        }
        reserved += amount;
        return true;
    }

    /** Releases a reservation and deducts what was actually used. */
    public synchronized CreditsSnapshot settle(long reservedAmount, long used) {
        reserved = Math.max(0, reserved - reservedAmount);
        balance -= used;
        return new CreditsSnapshot(balance, reserved);
    }
}
