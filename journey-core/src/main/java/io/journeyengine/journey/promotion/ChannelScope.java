package io.journeyengine.journey.promotion;

import io.journeyengine.journey.Channel;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a code may be redeemed: on every channel (an omnichannel code), or on the listed channels only.
 * <p>
 * Channels send {@code validChannels: ["ALL"]} or channel names ({@link #of}); inside the journey the two cases are
 * told apart by a flag and the channels are typed, so no reader has to know the word {@code ALL}.
 */
public record ChannelScope(boolean allChannels, List<Channel> channels) {

    /** What channels write for "every channel". */
    public static final String ALL = "ALL";

    public ChannelScope {
        channels = allChannels ? List.of() : List.copyOf(channels);
    }

    /** From the names a channel sent: {@code ALL} (alone or among others) means every channel. */
    public static ChannelScope of(List<String> names) {
        if (names == null || names.isEmpty() || names.contains(ALL)) {
            return new ChannelScope(true, List.of());
        }
        List<Channel> channels = new ArrayList<>();
        for (String name : names) {
            Channel channel = Channel.valueOf(name);
            if (!channels.contains(channel)) {
                channels.add(channel);
            }
        }
        return new ChannelScope(false, channels);
    }

    public boolean allows(Channel channel) {
        return allChannels || channels.contains(channel);
    }

    /** The scope as channels write it: {@code ["ALL"]}, or the channel names. */
    public List<String> names() {
        return allChannels ? List.of(ALL) : channels.stream().map(Channel::name).toList();
    }
}
