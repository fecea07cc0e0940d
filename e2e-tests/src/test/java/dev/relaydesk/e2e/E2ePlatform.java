package dev.relaydesk.e2e;

import dev.relaydesk.localstack.Stack;
import dev.relaydesk.localstack.testing.SharedTestStack;

/**
 * All six services as their own processes, started once for every end-to-end test class of the build
 * (Failsafe runs them in one JVM) and stopped with it by the stack's shutdown hook. They export their
 * traces to one collector, as they would in production.
 */
final class E2ePlatform {

    private static Stack stack;
    private static TraceCollector traces;

    private E2ePlatform() {
    }

    static synchronized Stack stack() {
        if (stack == null) {
            traces = TraceCollector.start();
            stack = SharedTestStack.startServices(traces.serviceProperties());
        }
        return stack;
    }

    static synchronized TraceCollector traces() {
        stack();
        return traces;
    }
}
