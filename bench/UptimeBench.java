import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Helper of bench/uptime.sh (compiled once by the script; {@code java UptimeBench.java MODE ...} works too). Modes:
 *
 * <ul>
 *   <li>{@code serve}: the targets. One non-blocking server (a single selector thread and a timer) listening on
 *       {@code --hosts} loopback addresses (127.0.1.1, 127.0.1.2, ...; 250 per third octet) times {@code --ports}.
 *       The path's first segment decides what a request gets: {@code /ok/...} a fast 200 with a small page,
 *       {@code /slow/...} a 200 after 200-800 ms, {@code /hang/...} nothing (the connection is held until the client
 *       gives up, at most 10 minutes), {@code /reset/...} a TCP reset (SO_LINGER 0, then close). Every answer closes
 *       its connection, as the hub asks. Prints counters every 10 s.
 *   <li>{@code import}: creates {@code --size} monitors through {@code POST /api/v1/monitors/import} (1,000 a
 *       request): kinds drawn with a fixed seed, 87% ok, 5% slow, 5% hang, 3% reset; monitor {@code i} on host
 *       {@code i mod hosts}. Writes {@code id TAB kind TAB url} lines to {@code --out}.
 *   <li>{@code verdicts}: pages through the DOWN and UNKNOWN monitors and all incidents and sorts them by the kind of
 *       their target: a DOWN or an incident of an ok or slow target is a false DOWN.
 *   <li>{@code drive}: sends {@code --rate} probes per second for {@code --seconds} to a Prometheus blackbox
 *       exporter ({@code /probe?target=URL&module=http_2xx}), cycling through the same targets in the same mix.
 * </ul>
 *
 * Prints {@code key=value} lines that the shell script turns into the report.
 */
public final class UptimeBench {

    static final String[] KINDS = {"ok", "slow", "hang", "reset"};

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("mode: serve, import, verdicts or drive");
        }
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        try {
            switch (args[0]) {
                case "serve" -> serve(intOpt(o, "hosts", 250), ports(o));
                case "import" -> importMonitors(o);
                case "verdicts" -> verdicts(o);
                case "drive" -> drive(o);
                default -> throw new IllegalArgumentException("unknown mode " + args[0]);
            }
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1); // the HTTP client's threads would keep the JVM alive
        }
        System.exit(0);
    }

    static int intOpt(Map<String, String> o, String key, int fallback) {
        return o.containsKey(key) ? Integer.parseInt(o.get(key)) : fallback;
    }

    static String opt(Map<String, String> o, String key, String fallback) {
        return o.getOrDefault(key, fallback);
    }

    static int[] ports(Map<String, String> o) {
        String[] parts = opt(o, "ports", "18080,18081").split(",");
        int[] ports = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            ports[i] = Integer.parseInt(parts[i].strip());
        }
        return ports;
    }

    /** The k-th target host (0-based): 127.0.1.1 ... 127.0.1.250, 127.0.2.1 ... */
    static String host(int k) {
        return "127.0." + (1 + k / 250) + "." + (1 + k % 250);
    }

    // ------------------------------------------------------------------------------------------ targets

    private static final class Conn {
        final SocketChannel channel;
        final ByteBuffer in = ByteBuffer.allocate(8192);
        ByteBuffer out;
        boolean hanging;

        Conn(SocketChannel channel) {
            this.channel = channel;
        }
    }

    static final AtomicLong[] SERVED = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
    static final AtomicLong OTHER = new AtomicLong();
    static final AtomicLong ACCEPTED = new AtomicLong();
    static final AtomicInteger OPEN = new AtomicInteger();
    static final AtomicInteger HANGING = new AtomicInteger();

    static void serve(int hosts, int[] ports) throws Exception {
        Selector selector = Selector.open();
        for (int h = 0; h < hosts; h++) {
            for (int port : ports) {
                ServerSocketChannel server = ServerSocketChannel.open();
                server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                server.bind(new InetSocketAddress(InetAddress.getByName(host(h)), port), 1024);
                server.configureBlocking(false);
                server.register(selector, SelectionKey.OP_ACCEPT);
            }
        }
        byte[] page = page();
        byte[] ok = response("200 OK", page);
        byte[] notFound = response("404 Not Found", "not a bench path\n".getBytes(StandardCharsets.US_ASCII));
        ConcurrentLinkedQueue<Conn> ready = new ConcurrentLinkedQueue<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "targets-timer");
            t.setDaemon(true);
            return t;
        });
        long started = System.nanoTime();
        timer.scheduleAtFixedRate(
                () -> System.out.printf(
                        Locale.ROOT,
                        "t=%ds accepted=%d ok=%d slow=%d hang=%d reset=%d other=%d open=%d hanging=%d%n",
                        (System.nanoTime() - started) / 1_000_000_000L,
                        ACCEPTED.get(),
                        SERVED[0].get(),
                        SERVED[1].get(),
                        SERVED[2].get(),
                        SERVED[3].get(),
                        OTHER.get(),
                        OPEN.get(),
                        HANGING.get()),
                10,
                10,
                TimeUnit.SECONDS);
        System.out.printf(Locale.ROOT, "listening on %d hosts (%s ... %s) x ports %s%n",
                hosts, host(0), host(hosts - 1), java.util.Arrays.toString(ports));
        System.out.flush();
        while (true) {
            selector.select(1000);
            Conn later;
            while ((later = ready.poll()) != null) {
                write(later, selector);
            }
            Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
            while (keys.hasNext()) {
                SelectionKey key = keys.next();
                keys.remove();
                try {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        SocketChannel channel;
                        while ((channel = ((ServerSocketChannel) key.channel()).accept()) != null) {
                            ACCEPTED.incrementAndGet();
                            OPEN.incrementAndGet();
                            channel.configureBlocking(false);
                            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            channel.register(selector, SelectionKey.OP_READ, new Conn(channel));
                        }
                    } else if (key.isReadable()) {
                        read((Conn) key.attachment(), key, selector, ready, timer, ok, notFound);
                    } else if (key.isWritable()) {
                        write((Conn) key.attachment(), selector);
                    }
                } catch (IOException e) {
                    if (key.attachment() instanceof Conn c) {
                        close(c);
                    }
                }
            }
        }
    }

    static void read(
            Conn c,
            SelectionKey key,
            Selector selector,
            ConcurrentLinkedQueue<Conn> ready,
            ScheduledExecutorService timer,
            byte[] ok,
            byte[] notFound)
            throws IOException {
        if (c.hanging) { // discard whatever comes, notice when the client gives up
            c.in.clear();
            if (c.channel.read(c.in) < 0) {
                close(c);
            }
            return;
        }
        int n = c.channel.read(c.in);
        if (n < 0) {
            close(c);
            return;
        }
        String head = new String(c.in.array(), 0, c.in.position(), StandardCharsets.ISO_8859_1);
        if (!head.contains("\r\n\r\n")) {
            if (!c.in.hasRemaining()) {
                close(c);
            }
            return;
        }
        String line = head.substring(0, Math.max(0, head.indexOf("\r\n")));
        String[] parts = line.split(" ");
        String path = parts.length > 1 ? parts[1] : "/";
        String kind = path.length() > 1 ? path.substring(1).split("[/?]", 2)[0] : "";
        switch (kind) {
            case "ok" -> {
                SERVED[0].incrementAndGet();
                key.interestOps(0);
                c.out = ByteBuffer.wrap(ok);
                write(c, selector);
            }
            case "slow" -> {
                SERVED[1].incrementAndGet();
                key.interestOps(0);
                c.out = ByteBuffer.wrap(ok);
                timer.schedule(
                        () -> {
                            ready.add(c);
                            selector.wakeup();
                        },
                        200 + ThreadLocalRandom.current().nextInt(601),
                        TimeUnit.MILLISECONDS);
            }
            case "hang" -> {
                SERVED[2].incrementAndGet();
                HANGING.incrementAndGet();
                c.hanging = true;
                timer.schedule(
                        () -> {
                            ready.add(c); // out is null: closed by write()
                            selector.wakeup();
                        },
                        10,
                        TimeUnit.MINUTES);
            }
            case "reset" -> {
                SERVED[3].incrementAndGet();
                c.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                close(c);
            }
            default -> {
                OTHER.incrementAndGet();
                key.interestOps(0);
                c.out = ByteBuffer.wrap(notFound);
                write(c, selector);
            }
        }
    }

    /** Writes what is left of the answer; closes the connection when it is all written (or there is none). */
    static void write(Conn c, Selector selector) {
        if (!c.channel.isOpen()) {
            return;
        }
        try {
            if (c.out != null) {
                c.channel.write(c.out);
                if (c.out.hasRemaining()) {
                    c.channel.register(selector, SelectionKey.OP_WRITE, c);
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away: close below
        }
        close(c);
    }

    static void close(Conn c) {
        if (!c.channel.isOpen()) {
            return;
        }
        if (c.hanging) {
            HANGING.decrementAndGet();
        }
        OPEN.decrementAndGet();
        try {
            c.channel.close();
        } catch (IOException e) {
            // closed anyway
        }
    }

    static byte[] page() {
        StringBuilder b = new StringBuilder("<!doctype html><html><head><title>Bench target</title></head><body>");
        b.append("<h1>It works</h1>");
        while (b.length() < 1000) {
            b.append("<p>A small page of a healthy bench target.</p>");
        }
        return b.append("</body></html>\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] response(String status, byte[] body) {
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n";
        byte[] h = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[h.length + body.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(body, 0, all, h.length, body.length);
        return all;
    }

    // ------------------------------------------------------------------------------------------ REST

    static HttpClient client(int threads) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(threads))
                .build();
    }

    static String auth(Map<String, String> o) {
        String password = opt(o, "password", "bench-admin-password-1");
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> call(HttpClient client, Map<String, String> o, String method, String path, String body)
            throws IOException, InterruptedException {
        String base = opt(o, "base", "http://127.0.0.1:28181/api/v1");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", auth(o))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        request = body == null ? request.GET() : request.method(method, HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The kind of monitor {@code i}: 87% ok, 5% slow, 5% hang, 3% reset, drawn with a fixed seed. */
    static String[] kinds(int size) {
        Random random = new Random(20261122L);
        String[] kinds = new String[size];
        for (int i = 0; i < size; i++) {
            int r = random.nextInt(100);
            kinds[i] = r < 87 ? "ok" : r < 92 ? "slow" : r < 97 ? "hang" : "reset";
        }
        return kinds;
    }

    static void importMonitors(Map<String, String> o) throws Exception {
        int size = intOpt(o, "size", 10_000);
        int interval = intOpt(o, "interval", 300);
        int timeout = intOpt(o, "timeout", 10);
        int hosts = intOpt(o, "hosts", 250);
        int[] ports = ports(o);
        Path out = Path.of(opt(o, "out", "monitors.tsv"));
        String[] kinds = kinds(size);
        HttpClient client = client(2);
        long t0 = System.nanoTime();
        int created = 0;
        int retries = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out)) {
            for (int from = 0; from < size; from += 1000) {
                int to = Math.min(size, from + 1000);
                StringBuilder body = new StringBuilder("[");
                List<String> urls = new ArrayList<>();
                for (int i = from; i < to; i++) {
                    int port = ports[(i / hosts) % ports.length];
                    String url = "http://" + host(i % hosts) + ":" + port + "/" + kinds[i] + "/" + i;
                    urls.add(url);
                    if (i > from) {
                        body.append(',');
                    }
                    body.append("{\"name\":\"bench ").append(kinds[i]).append(' ').append(i)
                            .append("\",\"url\":\"").append(url)
                            .append("\",\"interval_seconds\":").append(interval)
                            .append(",\"timeout_seconds\":").append(timeout).append('}');
                }
                body.append(']');
                HttpResponse<String> response = call(client, o, "POST", "/monitors/import", body.toString());
                // an import is all or nothing: a batch the hub failed on (5xx) can be sent again
                for (int attempt = 1; response.statusCode() >= 500 && attempt <= 5; attempt++) {
                    retries++;
                    System.out.printf(Locale.ROOT, "import_error=batch %d answered %d: %s%n",
                            from / 1000, response.statusCode(), response.body());
                    Thread.sleep(2000);
                    response = call(client, o, "POST", "/monitors/import", body.toString());
                }
                if (response.statusCode() != 201) {
                    throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
                }
                @SuppressWarnings("unchecked")
                List<Object> ids = (List<Object>) ((Map<String, Object>) Json.parse(response.body())).get("ids");
                if (ids == null || ids.size() != to - from) {
                    throw new IllegalStateException("import returned " + (ids == null ? 0 : ids.size()) + " ids");
                }
                for (int k = 0; k < ids.size(); k++) {
                    w.write(((Number) ids.get(k)).longValue() + "\t" + kinds[from + k] + "\t" + urls.get(k) + "\n");
                }
                created += ids.size();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Integer> mix = new TreeMap<>();
        for (String k : kinds) {
            mix.merge(k, 1, Integer::sum);
        }
        System.out.printf(Locale.ROOT, "imported=%d%n", created);
        System.out.printf(Locale.ROOT, "import_seconds=%.1f%n", seconds);
        System.out.printf(Locale.ROOT, "import_per_second=%.0f%n", created / seconds);
        System.out.printf(Locale.ROOT, "import_retries=%d%n", retries);
        for (String k : KINDS) {
            System.out.printf(Locale.ROOT, "kind_%s=%d%n", k, mix.getOrDefault(k, 0));
        }
    }

    record Monitor(long id, String kind, String url) {}

    static Map<Long, Monitor> load(Path file) throws IOException {
        Map<Long, Monitor> monitors = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] p = line.split("\t");
            if (p.length == 3) {
                monitors.put(Long.parseLong(p[0]), new Monitor(Long.parseLong(p[0]), p[1], p[2]));
            }
        }
        return monitors;
    }

    /** Every item of a paged list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> all(HttpClient client, Map<String, String> o, String path) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 10_000; pages++) {
            String p = path + (path.contains("?") ? "&" : "?") + "limit=500"
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> response = call(client, o, "GET", p, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(p + " answered " + response.statusCode() + ": " + response.body());
            }
            Map<String, Object> page = (Map<String, Object>) Json.parse(response.body());
            for (Object item : (List<Object>) page.get("items")) {
                items.add((Map<String, Object>) item);
            }
            cursor = (String) page.get("next_cursor");
            if (cursor == null) {
                break;
            }
        }
        return items;
    }

    static void verdicts(Map<String, String> o) throws Exception {
        Map<Long, Monitor> monitors = load(Path.of(opt(o, "monitors", "monitors.tsv")));
        PrintStream details = o.containsKey("details")
                ? new PrintStream(Files.newOutputStream(Path.of(o.get("details"))), true, StandardCharsets.UTF_8)
                : new PrintStream(PrintStream.nullOutputStream());
        HttpClient client = client(2);
        Map<String, Integer> expected = new TreeMap<>();
        monitors.values().forEach(m -> expected.merge(m.kind(), 1, Integer::sum));

        Map<String, Integer> down = new TreeMap<>();
        Set<Long> falseDown = new HashSet<>();
        Set<Long> falseNow = new HashSet<>();
        int foreign = 0;
        for (Map<String, Object> m : all(client, o, "/monitors?state=down")) {
            Monitor known = monitors.get(((Number) m.get("id")).longValue());
            if (known == null) {
                foreign++;
                continue;
            }
            down.merge(known.kind(), 1, Integer::sum);
            if (healthy(known)) {
                falseDown.add(known.id());
                falseNow.add(known.id());
                details.printf("DOWN now: %s (%s): %s%n", known.url(), m.get("last_cause"), m.get("last_error"));
            }
        }
        Map<String, Integer> unknown = new TreeMap<>();
        for (Map<String, Object> m : all(client, o, "/monitors?state=unknown")) {
            Monitor known = monitors.get(((Number) m.get("id")).longValue());
            if (known != null) {
                unknown.merge(known.kind(), 1, Integer::sum);
            }
        }
        Map<String, Integer> incidents = new TreeMap<>();
        Set<Long> falseIncident = new HashSet<>();
        for (Map<String, Object> i : all(client, o, "/uptime/incidents")) {
            Monitor known = monitors.get(((Number) i.get("monitor_id")).longValue());
            if (known == null) {
                continue;
            }
            incidents.merge(known.kind(), 1, Integer::sum);
            if (healthy(known)) {
                falseIncident.add(known.id());
                falseDown.add(known.id());
                details.printf(
                        "incident: %s %s..%s (%s): %s%n",
                        known.url(),
                        i.get("started_at"),
                        i.get("ended_at"),
                        i.get("cause"),
                        i.get("detail"));
            }
        }
        int trueExpected = expected.getOrDefault("hang", 0) + expected.getOrDefault("reset", 0);
        int trueDown = down.getOrDefault("hang", 0) + down.getOrDefault("reset", 0);
        System.out.printf(Locale.ROOT, "monitors=%d%n", monitors.size());
        for (String k : KINDS) {
            System.out.printf(Locale.ROOT, "kind_%s=%d%n", k, expected.getOrDefault(k, 0));
            System.out.printf(Locale.ROOT, "down_%s=%d%n", k, down.getOrDefault(k, 0));
            System.out.printf(Locale.ROOT, "unknown_%s=%d%n", k, unknown.getOrDefault(k, 0));
            System.out.printf(Locale.ROOT, "incidents_%s=%d%n", k, incidents.getOrDefault(k, 0));
        }
        System.out.printf(Locale.ROOT, "true_down=%d%n", trueDown);
        System.out.printf(Locale.ROOT, "true_down_expected=%d%n", trueExpected);
        System.out.printf(Locale.ROOT, "false_down=%d%n", falseDown.size());
        System.out.printf(Locale.ROOT, "false_down_now=%d%n", falseNow.size());
        System.out.printf(Locale.ROOT, "false_incident_monitors=%d%n", falseIncident.size());
        System.out.printf(Locale.ROOT, "unknown_monitors=%d%n", unknown.values().stream().mapToInt(Integer::intValue).sum());
        System.out.printf(Locale.ROOT, "foreign_down=%d%n", foreign);
    }

    static boolean healthy(Monitor m) {
        return m.kind().equals("ok") || m.kind().equals("slow");
    }

    // ------------------------------------------------------------------------------------------ blackbox driver

    static void drive(Map<String, String> o) throws Exception {
        List<Monitor> targets = new ArrayList<>(load(Path.of(opt(o, "monitors", "monitors.tsv"))).values());
        String exporter = opt(o, "exporter", "http://127.0.0.1:29115");
        double rate = Double.parseDouble(opt(o, "rate", "333"));
        int seconds = intOpt(o, "seconds", 120);
        String scrapeTimeout = opt(o, "scrape-timeout", "10.5");
        long total = Math.round(rate * seconds);
        HttpClient client = client(4);
        AtomicLong sent = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        Map<String, AtomicLong> success = new HashMap<>();
        Map<String, AtomicLong> failure = new HashMap<>();
        for (String k : KINDS) {
            success.put(k, new AtomicLong());
            failure.put(k, new AtomicLong());
        }
        AtomicLong durationNanos = new AtomicLong();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        long period = Math.max(1, Math.round(1e9 / rate));
        long t0 = System.nanoTime();
        ticker.scheduleAtFixedRate(
                () -> {
                    long n = sent.get();
                    if (n >= total) {
                        return;
                    }
                    sent.incrementAndGet();
                    Monitor m = targets.get((int) (n % targets.size()));
                    URI uri = URI.create(exporter + "/probe?module=http_2xx&target="
                            + URLEncoder.encode(m.url(), StandardCharsets.UTF_8));
                    long started = System.nanoTime();
                    client.sendAsync(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(30))
                                            .header("X-Prometheus-Scrape-Timeout-Seconds", scrapeTimeout)
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString())
                            .whenComplete((r, e) -> {
                                completed.incrementAndGet();
                                durationNanos.addAndGet(System.nanoTime() - started);
                                if (e != null || r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                } else if (r.body().contains("\nprobe_success 1")) {
                                    success.get(m.kind()).incrementAndGet();
                                } else {
                                    failure.get(m.kind()).incrementAndGet();
                                }
                            });
                },
                0,
                period,
                TimeUnit.NANOSECONDS);
        long deadline = t0 + TimeUnit.SECONDS.toNanos(seconds + 60);
        while (completed.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        ticker.shutdownNow();
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "bb_rate=%.1f%n", rate);
        System.out.printf(Locale.ROOT, "bb_seconds=%d%n", seconds);
        System.out.printf(Locale.ROOT, "bb_sent=%d%n", sent.get());
        System.out.printf(Locale.ROOT, "bb_completed=%d%n", completed.get());
        System.out.printf(Locale.ROOT, "bb_errors=%d%n", errors.get());
        System.out.printf(Locale.ROOT, "bb_elapsed_seconds=%.1f%n", elapsed);
        System.out.printf(Locale.ROOT, "bb_mean_probe_ms=%.0f%n",
                completed.get() == 0 ? 0.0 : durationNanos.get() / 1e6 / completed.get());
        for (String k : KINDS) {
            System.out.printf(Locale.ROOT, "bb_success_%s=%d%n", k, success.get(k).get());
            System.out.printf(Locale.ROOT, "bb_failure_%s=%d%n", k, failure.get(k).get());
        }
    }

    // ------------------------------------------------------------------------------------------ JSON

    /** Just enough JSON: objects, arrays, strings, numbers, booleans, null. */
    static final class Json {
        private final String s;
        private int i;

        private Json(String s) {
            this.s = s;
        }

        static Object parse(String text) {
            Json j = new Json(text);
            Object v = j.value();
            j.space();
            if (j.i != j.s.length()) {
                throw new IllegalArgumentException("trailing text at " + j.i);
            }
            return v;
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        private Object value() {
            space();
            char c = s.charAt(i);
            switch (c) {
                case '{': {
                    i++;
                    Map<String, Object> m = new LinkedHashMap<>();
                    space();
                    if (s.charAt(i) == '}') {
                        i++;
                        return m;
                    }
                    while (true) {
                        space();
                        String k = string();
                        space();
                        expect(':');
                        m.put(k, value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect('}');
                            return m;
                        }
                    }
                }
                case '[': {
                    i++;
                    List<Object> l = new ArrayList<>();
                    space();
                    if (s.charAt(i) == ']') {
                        i++;
                        return l;
                    }
                    while (true) {
                        l.add(value());
                        space();
                        if (s.charAt(i) == ',') {
                            i++;
                        } else {
                            expect(']');
                            return l;
                        }
                    }
                }
                case '"':
                    return string();
                case 't':
                    i += 4;
                    return Boolean.TRUE;
                case 'f':
                    i += 5;
                    return Boolean.FALSE;
                case 'n':
                    i += 4;
                    return null;
                default: {
                    int from = i;
                    while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
                        i++;
                    }
                    String n = s.substring(from, i);
                    if (n.contains(".") || n.contains("e") || n.contains("E")) {
                        return Double.parseDouble(n);
                    }
                    return Long.parseLong(n);
                }
            }
        }

        private void expect(char c) {
            if (s.charAt(i) != c) {
                throw new IllegalArgumentException("expected " + c + " at " + i);
            }
            i++;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = s.charAt(i++);
                if (c == '"') {
                    return b.toString();
                }
                if (c == '\\') {
                    char e = s.charAt(i++);
                    switch (e) {
                        case 'n' -> b.append('\n');
                        case 't' -> b.append('\t');
                        case 'r' -> b.append('\r');
                        case 'b' -> b.append('\b');
                        case 'f' -> b.append('\f');
                        case 'u' -> {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                        }
                        default -> b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }
    }
}
