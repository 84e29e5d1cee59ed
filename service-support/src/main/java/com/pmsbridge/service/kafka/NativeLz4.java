package com.pmsbridge.service.kafka;

import io.quarkus.runtime.StartupEvent;
import net.jpountz.lz4.LZ4Factory;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Loads lz4-java's native library at startup, so the Kafka clients compress and decompress lz4 batches with it.
 * lz4-java's {@code fastestInstance()}, which the Kafka client calls for every batch, tries the native library only when
 * it is already loaded or lz4-java sits on the system class loader. In a Quarkus application it sits on Quarkus's own
 * class loader, so every producer and consumer fell back to the slow pure-Java codec. Loading it once here makes
 * {@code fastestInstance()} pick it. Where the library cannot load (an unusual platform) the Java codec stays.
 */
@ApplicationScoped
public class NativeLz4 {
    private static final Logger LOG = Logger.getLogger(NativeLz4.class);

    void load(@Observes StartupEvent started) {
        if (NativeLz4.class.getClassLoader().getResource("net/jpountz/lz4/LZ4Factory.class") == null) {
            return; // a service without a Kafka client (the gateway)
        }
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable unavailable) { // an UnsatisfiedLinkError as well as an exception
            LOG.infof("lz4 native library not available (%s): Kafka batches are compressed in Java", unavailable);
        }
    }
}
