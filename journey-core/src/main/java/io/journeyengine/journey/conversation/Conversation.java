package io.journeyengine.journey.conversation;

import io.journeyengine.journey.Channel;
import io.journeyengine.journey.privacy.PersonalData;

import java.util.List;

/** One conversation: its topic, every channel it has been on (the last one is where it is now), and whether open. */
public record Conversation(String conversationId, @PersonalData String topic, List<Channel> channels, int messages,
                           boolean open) {

    public Channel currentChannel() {
        return channels.get(channels.size() - 1);
    }
}
