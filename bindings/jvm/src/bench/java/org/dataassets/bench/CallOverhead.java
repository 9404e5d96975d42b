package org.dataassets.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.dataassets.DataAssets;
import org.dataassets.DataAssetsException;
import org.dataassets.EntityKind;

/**
 * Times cheap calls through the JVM binding. The main one is {@code allocate} of 1234567.89 over
 * the weights 0.01, 0.02 and 0.03, the inputs of the criterion benchmark {@code allocate/3} in
 * crates/core/benches/main_job.rs. The difference between the two medians is what a call costs
 * to cross from Java into Rust and back (JNA, and the decimals converted to text and parsed).
 * {@code entityKindCode} follows as a call with no decimal to convert, whose Rust side is the
 * copy of a fixed string.
 *
 * <p>Run it with scripts/bench-jvm, which builds the release library first. Arguments: the
 * number of rounds (default 11) and the calls per round (default 20000). For each call it prints
 * the time per call of every round and their median. A warm-up as long as all the measured
 * rounds together runs first, so the JIT compiles the binding's code before any round is timed.
 */
public final class CallOverhead {
    private CallOverhead() {}

    /** One binding call. The returned number feeds a checksum, so the JIT cannot drop the call. */
    @FunctionalInterface
    private interface Call {
        long run() throws DataAssetsException;
    }

    public static void main(String[] args) throws DataAssetsException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 11;
        int callsPerRound = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;

        BigDecimal total = new BigDecimal("1234567.89");
        List<BigDecimal> weights =
                Arrays.asList(new BigDecimal("0.01"), new BigDecimal("0.02"), new BigDecimal("0.03"));

        // The results are checked once, so a broken call cannot pass for a fast one. The shares
        // are 1:2:3 of the total truncated to the fen, and the fen left over goes to the first
        // weight, which ties with the third on the largest remainder (0.005).
        List<BigDecimal> shares = DataAssets.allocate(total, weights);
        List<BigDecimal> expected = Arrays.asList(
                new BigDecimal("205761.32"), new BigDecimal("411522.63"), new BigDecimal("617283.94"));
        if (!shares.equals(expected)) {
            throw new IllegalStateException("allocate returned " + shares + ", expected " + expected);
        }
        String code = DataAssets.entityKindCode(EntityKind.PUBLIC_INSTITUTION);
        if (!code.equals("public_institution")) {
            throw new IllegalStateException("entityKindCode returned " + code + ", expected public_institution");
        }

        long checksum = 0;
        checksum += time("allocate over 3 weights", rounds, callsPerRound,
                () -> DataAssets.allocate(total, weights).get(0).scale());
        checksum += time("entityKindCode", rounds, callsPerRound,
                () -> DataAssets.entityKindCode(EntityKind.PUBLIC_INSTITUTION).length());
        System.out.println("checksum " + checksum);
    }

    /** Warms {@code call} up, then times it in rounds and prints each round and the median. */
    private static long time(String name, int rounds, int callsPerRound, Call call) throws DataAssetsException {
        long checksum = repeat(call, rounds * callsPerRound);
        List<Double> nanosPerCall = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            checksum += repeat(call, callsPerRound);
            double perCall = (double) (System.nanoTime() - start) / callsPerRound;
            nanosPerCall.add(perCall);
            System.out.printf("%s, round %2d: %8.0f ns per call%n", name, round + 1, perCall);
        }
        Collections.sort(nanosPerCall);
        System.out.printf(
                "%s through JNA: median %.0f ns per call (%d rounds of %d calls; min %.0f, max %.0f)%n",
                name, nanosPerCall.get(rounds / 2), rounds, callsPerRound,
                nanosPerCall.get(0), nanosPerCall.get(rounds - 1));
        return checksum;
    }

    private static long repeat(Call call, int calls) throws DataAssetsException {
        long checksum = 0;
        for (int i = 0; i < calls; i++) {
            checksum += call.run();
        }
        return checksum;
    }
}
