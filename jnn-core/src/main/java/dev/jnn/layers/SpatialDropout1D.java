package dev.jnn.layers;

/**
 * Keras's {@code SpatialDropout1D}: dropout of whole feature channels of {@code [batch, steps,
 * channels]} inputs. In training each (sample, channel) is zeroed with probability {@code rate}, the
 * rest scaled by {@code 1 / (1 - rate)}; at inference it is the identity.
 *
 * <pre>{@code
 * model.add(new SpatialDropout1D(0.2f));
 * model.add(new SpatialDropout1D(0.2f, 42L));   // its own seed
 * }</pre>
 */
public final class SpatialDropout1D extends ChannelDropout {
    /**
     * @param rate fraction of channels to drop, in [0, 1)
     * @param seed seed of the mask stream, or null for the global stream
     */
    public record Config(float rate, Long seed) implements LayerConfig {
        public Config {
            if (!(rate >= 0f && rate < 1f)) {
                throw new IllegalArgumentException("SpatialDropout1D: rate must be in [0, 1), got " + rate);
            }
        }
    }

    private final Config config;

    public SpatialDropout1D(float rate) {
        this(new Config(rate, null));
    }

    public SpatialDropout1D(float rate, Long seed) {
        this(new Config(rate, seed));
    }

    public SpatialDropout1D(Config config) {
        super(config.rate, config.seed);
        this.config = config;
    }

    @Override
    int sampleRank() {
        return 2;
    }

    @Override
    boolean channelsFirst() {
        return false;
    }

    @Override
    public Config config() {
        return config;
    }
}
