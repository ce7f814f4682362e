package dev.jnn.layers;

/**
 * Keras's {@code SpatialDropout2D}: dropout of whole feature maps of 4-D image batches,
 * {@code [batch, rows, cols, channels]} (channels_last, the default) or
 * {@code [batch, channels, rows, cols]}. In training each (sample, channel) is zeroed with probability
 * {@code rate}, the rest scaled by {@code 1 / (1 - rate)}; at inference it is the identity.
 *
 * <pre>{@code
 * model.add(new SpatialDropout2D(0.25f));
 * }</pre>
 */
public final class SpatialDropout2D extends ChannelDropout {
    /**
     * @param rate       fraction of channels to drop, in [0, 1)
     * @param dataFormat {@code "channels_last"} or {@code "channels_first"}
     * @param seed       seed of the mask stream, or null for the global stream
     */
    public record Config(float rate, String dataFormat, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("SpatialDropout2D: rate must be in [0, 1), got " + rate);
            }
            if (dataFormat == null) {
                dataFormat = "channels_last";
            }
            if (!dataFormat.equals("channels_last") && !dataFormat.equals("channels_first")) {
                throw new IllegalArgumentException("SpatialDropout2D: dataFormat must be \"channels_last\" or "
                        + "\"channels_first\", got \"" + dataFormat + "\"");
            }
        }
    }

    private final Config config;

    public SpatialDropout2D(float rate) {
        this(new Config(rate, "channels_last", null));
    }

    public SpatialDropout2D(float rate, Long seed) {
        this(new Config(rate, "channels_last", seed));
    }

    public SpatialDropout2D(Config config) {
        super(config.rate, config.seed);
        this.config = config;
    }

    @Override
    int sampleRank() {
        return 3;
    }

    @Override
    boolean channelsFirst() {
        return config.dataFormat.equals("channels_first");
    }

    @Override
    public Config config() {
        return config;
    }
}
