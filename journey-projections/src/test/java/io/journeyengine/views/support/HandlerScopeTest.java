package io.journeyengine.views.support;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HandlerScopeTest {

    @Test
    void whatAFailedHandlerDeferredNeverHappens() {
        List<String> done = new ArrayList<>();
        assertThatThrownBy(() -> HandlerScope.run(() -> {
            HandlerScope.onSuccess(() -> done.add("counted"));
            throw new IllegalStateException("the view's write failed");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(done).isEmpty();
    }

    @Test
    void whatASuccessfulHandlerDeferredHappensAfterIt() throws Exception {
        List<String> done = new ArrayList<>();
        String result = HandlerScope.run(() -> {
            HandlerScope.onSuccess(() -> done.add("counted"));
            assertThat(done).as("not before the handler returns").isEmpty();
            return "handled";
        });
        assertThat(result).isEqualTo("handled");
        assertThat(done).containsExactly("counted");
    }

    @Test
    void aHandlersLocalChangesJoinTheBatchOnlyOnSuccess() throws Exception {
        List<Integer> batch = new ArrayList<>();
        HandlerScope.run(() -> {
            List<Integer> mine = HandlerScope.local("k", ArrayList::new, batch::addAll, batch);
            mine.add(1);
            assertThat(HandlerScope.local("k", ArrayList::new, batch::addAll, batch)).isSameAs(mine);
            return null;
        });
        assertThatThrownBy(() -> HandlerScope.run(() -> {
            HandlerScope.<List<Integer>>local("k", ArrayList::new, batch::addAll, batch).add(2);
            throw new IllegalStateException("parked");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(batch).containsExactly(1);
        assertThat(HandlerScope.local("k", ArrayList::new, batch::addAll, batch)).as("outside a handler")
                                                                                  .isSameAs(batch);
    }

    @Test
    void outsideAHandlerActionsHappenAtOnce() {
        List<String> done = new ArrayList<>();
        HandlerScope.onSuccess(() -> done.add("now"));
        assertThat(done).containsExactly("now");
    }
}
