package io.journeyengine.api.identity;

import io.journeyengine.api.ingest.IdentityIndex;
import io.journeyengine.journey.Touchpoint;
import io.journeyengine.journey.identity.Identity;
import io.journeyengine.journey.merge.HandOverProfile;
import io.journeyengine.journey.merge.MergedProfile;
import io.journeyengine.journey.merge.TakeOverProfile;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * Merges one profile into another inside the unit of work of the touchpoint that proved them one customer: the
 * merged profile hands itself over ({@code ProfileMergedInto}), the survivor takes it over ({@code ProfileMerged}),
 * the identity index gives the merged profile's identities to the survivor and the alias is recorded. All of it is
 * in the touchpoint's savepoint: a refused touchpoint undoes the merge with it, and the two journeys stay locked until
 * the request commits, so no other touchpoint sees half a merge.
 */
@Component
public class ProfileMerging {

    private final CommandGateway commands;
    private final IdentityIndex identities;
    private final Aliases aliases;

    public ProfileMerging(CommandGateway commands, IdentityIndex identities, Aliases aliases) {
        this.commands = commands;
        this.identities = identities;
        this.aliases = aliases;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId} because {@code touchpoint} linked {@code evidence}, an identity of
     * the merged profile, to the survivor. Answers the names of the survivor's events.
     */
    public List<String> merge(String mergedId, String survivorId, Touchpoint touchpoint, Identity evidence,
                              MetaData metaData, Instant at) {
        MergedProfile handedOver = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new HandOverProfile(mergedId, survivorId, touchpoint, evidence)).andMetaData(metaData));
        List<String> events = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new TakeOverProfile(survivorId, touchpoint, evidence, handedOver)).andMetaData(metaData));
        identities.moveAll(mergedId, survivorId);
        aliases.recordMerge(mergedId, survivorId, at, touchpoint.id());
        return events;
    }
}
