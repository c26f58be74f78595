package io.journeyengine.views.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The handling of one event by a view, as far as memory is concerned. A view handler runs in a savepoint, so when it
 * fails its rows are rolled back and the event is parked; but changes it collected in memory for the batch (counter
 * deltas written at commit) would survive that rollback and be counted without the event. Such changes are
 * therefore collected per handler here and handed to the batch only when the handler succeeded.
 */
public final class HandlerScope {

    private static final ThreadLocal<Deque<Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

    private HandlerScope() {
    }

    private static final class Scope {
        final List<Runnable> onSuccess = new ArrayList<>();
        final Map<String, Object> locals = new HashMap<>();
    }

    /** Runs one handler; what it deferred with {@link #onSuccess} happens only if it returns normally. */
    public static <T> T run(Callable<T> handler) throws Exception {
        Scope scope = new Scope();
        SCOPES.get().push(scope);
        T result;
        try {
            result = handler.call();
        } finally {
            SCOPES.get().pop();
        }
        scope.onSuccess.forEach(Runnable::run);
        return result;
    }

    /** Does {@code action} when the current handler succeeds, or at once outside a handler. */
    public static void onSuccess(Runnable action) {
        Scope scope = SCOPES.get().peek();
        if (scope == null) {
            action.run();
        } else {
            scope.onSuccess.add(action);
        }
    }

    /**
     * An object of the current handler under {@code key}, created on first use, handed to {@code onSuccess} when
     * the handler succeeds; outside a handler, {@code outside} itself.
     */
    @SuppressWarnings("unchecked")
    public static <T> T local(String key, Supplier<T> create, Consumer<T> onSuccess, T outside) {
        Scope scope = SCOPES.get().peek();
        if (scope == null) {
            return outside;
        }
        return (T) scope.locals.computeIfAbsent(key, k -> {
            T local = create.get();
            scope.onSuccess.add(() -> onSuccess.accept(local));
            return local;
        });
    }
}
