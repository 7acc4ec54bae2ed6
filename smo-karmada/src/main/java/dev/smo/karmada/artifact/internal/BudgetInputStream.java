package dev.smo.karmada.artifact.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Charges every byte read from an uncompressed layer stream to the artifact's {@link UnpackBudget}. */
final class BudgetInputStream extends FilterInputStream {

    private final UnpackBudget budget;

    BudgetInputStream(InputStream in, UnpackBudget budget) {
        super(in);
        this.budget = budget;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            budget.chargeBytes(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            budget.chargeBytes(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Read instead of skipping, so skipped bytes are charged too.
        byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
