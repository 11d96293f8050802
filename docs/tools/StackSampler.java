import java.util.*;
import java.util.concurrent.*;

/**
 * A development tool, not part of the build: samples every runnable thread's stack every 5 ms and,
 * at exit, writes per thread group (names without their trailing number) the methods most often on
 * top of the stack (self) and anywhere in it (inclusive). It made the profiles in
 * docs/PERFORMANCE.md, on the GPU machine, whose trimmed Java runtime has no profiler of its own.
 *
 * <pre>
 * javac --release 17 -d /tmp/sampler docs/tools/StackSampler.java &amp;&amp; jar cf sampler.jar -C /tmp/sampler .
 * SAMPLER_OUT=profile.txt java -cp 'cli/target/synthscene-cli.jar:cli/target/lib/*:sampler.jar' \
 *     StackSampler io.synthscene.cli.Main render scenes/examples/urban-street.yaml --out /tmp/p --frames 500
 * </pre>
 */
public final class StackSampler {
    static final Map<String, Map<String, Integer>> self = new ConcurrentHashMap<>();
    static final Map<String, Map<String, Integer>> incl = new ConcurrentHashMap<>();
    static final Map<String, Integer> samples = new ConcurrentHashMap<>();

    public static void main(String[] args) throws Exception {
        String mainClass = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        String outFile = System.getenv().getOrDefault("SAMPLER_OUT", "/dev/stderr");
        Thread t = new Thread(() -> {
            while (true) {
                for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
                    Thread th = e.getKey();
                    if (th.getState() != Thread.State.RUNNABLE) continue;
                    StackTraceElement[] st = e.getValue();
                    if (st.length == 0) continue;
                    String g = th.getName().replaceAll("[-#]?\\d+$", "");
                    if (g.equals("sampler") || g.startsWith("Reference Handler") || g.startsWith("Signal")) continue;
                    samples.merge(g, 1, Integer::sum);
                    self.computeIfAbsent(g, k -> new ConcurrentHashMap<>()).merge(fmt(st[0]), 1, Integer::sum);
                    Set<String> seen = new HashSet<>();
                    for (int i = 0; i < Math.min(st.length, 40); i++) {
                        String m = st[i].getClassName() + "." + st[i].getMethodName();
                        if (seen.add(m)) incl.computeIfAbsent(g, k -> new ConcurrentHashMap<>()).merge(m, 1, Integer::sum);
                    }
                }
                try { Thread.sleep(5); } catch (InterruptedException ex) { return; }
            }
        }, "sampler");
        t.setDaemon(true);
        t.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (java.io.PrintWriter w = new java.io.PrintWriter(new java.io.FileWriter(outFile, true))) {
                for (String g : samples.keySet()) {
                    int n = samples.get(g);
                    if (n < 20) continue;
                    w.printf("=== %s: %d runnable samples%n-- self%n", g, n);
                    top(self.get(g), 15).forEach(en -> w.printf("%6.1f%% %s%n", 100.0 * en.getValue() / n, en.getKey()));
                    w.println("-- inclusive");
                    top(incl.get(g), 30).forEach(en -> w.printf("%6.1f%% %s%n", 100.0 * en.getValue() / n, en.getKey()));
                }
            } catch (Exception ex) { ex.printStackTrace(); }
        }));
        Class.forName(mainClass).getMethod("main", String[].class).invoke(null, (Object) rest);
    }

    static String fmt(StackTraceElement e) { return e.getClassName() + "." + e.getMethodName() + ":" + e.getLineNumber(); }

    static List<Map.Entry<String, Integer>> top(Map<String, Integer> m, int k) {
        List<Map.Entry<String, Integer>> l = new ArrayList<>(m.entrySet());
        l.sort((a, b) -> b.getValue() - a.getValue());
        return l.subList(0, Math.min(k, l.size()));
    }
}
