import { describe, expectTypeOf, it } from "vitest";
import type * as Client from "@/lib/client/research-api";
import type { CleanupCounts } from "@/lib/server/services/research-cleanup";
import type { ResearchParticipant } from "@/lib/server/services/research-participant";
import type { ResearchRoomDetail } from "@/lib/server/services/research-room";
import type { ResearchRoomListItem } from "@/lib/server/services/research-rooms";
import type { ResearchSummary } from "@/lib/server/services/research-summary";

// Browser code may not import lib/server, so the research screens declare the answers' shapes
// themselves; `tsc --noEmit` fails here as soon as they drift from what the services answer.
describe("research answer types (checked by the type checker)", () => {
  it("match the services", () => {
    expectTypeOf<Client.ResearchSummary>().toEqualTypeOf<ResearchSummary>();
    expectTypeOf<Client.ResearchRoomListItem>().toEqualTypeOf<ResearchRoomListItem>();
    expectTypeOf<Client.ResearchRoomDetail>().toEqualTypeOf<ResearchRoomDetail>();
    expectTypeOf<Client.ResearchParticipant>().toEqualTypeOf<ResearchParticipant>();
    expectTypeOf<Client.CleanupCounts>().toEqualTypeOf<CleanupCounts>();
  });
});
