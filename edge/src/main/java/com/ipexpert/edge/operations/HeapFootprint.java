package com.ipexpert.edge.operations;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;

/**
 * Keeps the process's memory near what it uses, without options on the command line ({@code java -jar} stays the
 * whole command). The JVM's defaults size the heap for a quarter of the machine's memory and give back little of
 * what starting up needed. Unless the operator set them, this lowers the heap's free-ratio bounds (at most 30 %
 * free after a collection, at least 10 %), asks G1 for a periodic collection when the process is idle (60 s), and,
 * once the application is ready and again when the knowledge engine has loaded, collects the garbage of starting up
 * once, so the heap shrinks to what is live. {@code ipexpert.memory.compact-after-start=false} turns it off.
 */
@Component
public class HeapFootprint {
    private static final Logger log = LoggerFactory.getLogger(HeapFootprint.class);
    private final boolean enabled;

    HeapFootprint(@Value("${ipexpert.memory.compact-after-start:true}") boolean enabled) {
        this.enabled = enabled;
        if (enabled) tuneDefaults();
    }

    private static void tuneDefaults() {
        try {
            HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            // MinHeapFreeRatio must stay <= MaxHeapFreeRatio at every step
            setIfDefault(vm, "MinHeapFreeRatio", "10");
            setIfDefault(vm, "MaxHeapFreeRatio", "30");
            setIfDefault(vm, "G1PeriodicGCInterval", "60000");
        } catch (RuntimeException e) {
            log.debug("Heap options left as they are", e);
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            VMOption option = vm.getVMOption(name);
            if (option.getOrigin() == VMOption.Origin.DEFAULT && option.isWriteable()) vm.setVMOption(name, value);
        } catch (IllegalArgumentException notThisVm) {
            // another collector or VM: nothing to set
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void applicationReady() {
        compact("the application is ready");
    }

    /** Collects once in the background, after start-up work that leaves much garbage (ready, models loaded). */
    public void compact(String because) {
        if (!enabled) return;
        Thread thread = new Thread(() -> {
            MemoryUsage before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            long started = System.nanoTime();
            System.gc();
            MemoryUsage after = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            log.info("Compacted the heap ({}): {} MB used of {} MB committed, was {} of {} MB ({} ms)", because,
                    after.getUsed() >> 20, after.getCommitted() >> 20, before.getUsed() >> 20, before.getCommitted() >> 20,
                    (System.nanoTime() - started) / 1_000_000);
        }, "heap-compaction");
        thread.setDaemon(true);
        thread.start();
    }
}
