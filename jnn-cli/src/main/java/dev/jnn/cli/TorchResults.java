package dev.jnn.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What one pass of the PyTorch anchor ({@code anchors/torch/bench.py --out FILE}) wrote: a JSON object
 * with {@code meta} (label, quick, threads, torch_version, ...), {@code results} (flat keys such as
 * {@code "xor.after.run_ms"} or {@code "mlp.train_samples_per_s"} mapped to numbers, some null) and
 * {@code raw} (every repeat's time, not read here).
 *
 * <pre>{@code
 * TorchResults torch = TorchResults.parse(Files.readString(out));
 * OptionalDouble ms = torch.value(new XorWorkload());
 * }</pre>
 *
 * @param torchVersion {@code meta.torch_version}, or "?" when absent
 * @param threads      {@code meta.threads}, or 0 when absent
 * @param quick        {@code meta.quick}
 * @param results      the numeric entries of {@code results}, in file order
 */
record TorchResults(String torchVersion, int threads, boolean quick, Map<String, Double> results) {

    TorchResults {
        results = Collections.unmodifiableMap(new LinkedHashMap<>(results));
    }

    /** Reads bench.py's JSON; non-numeric results (null, strings) are skipped. */
    static TorchResults parse(String json) throws IOException {
        JsonNode root = new ObjectMapper().readTree(json);
        if (root == null || !root.isObject() || !root.path("results").isObject()) {
            throw new IOException("not a bench.py result: no \"results\" object in " + abbreviate(json));
        }
        JsonNode meta = root.path("meta");
        Map<String, Double> results = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : root.path("results").properties()) {
            if (e.getValue().isNumber()) {
                results.put(e.getKey(), e.getValue().doubleValue());
            }
        }
        return new TorchResults(meta.path("torch_version").asText("?"), meta.path("threads").asInt(0),
                meta.path("quick").asBoolean(false), results);
    }

    /** PyTorch's figure for a workload, in the workload's unit, when the pass measured it. */
    OptionalDouble value(Workload workload) {
        Double v = results.get(workload.torchKey());
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    private static String abbreviate(String text) {
        String t = text.strip();
        return t.length() <= 80 ? "'" + t + "'" : "'" + t.substring(0, 80) + "...'";
    }
}
