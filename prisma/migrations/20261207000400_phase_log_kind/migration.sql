-- Pauses in the phase log (issue 17, item 9): each row says what it records. PHASE rows are
-- the phases the room went through; PAUSE rows the time a phase waited for an absent or empty
-- seat (written when the pause ends, inside its phase's row); EVENT rows a moment (a seat freed).

-- CreateEnum
CREATE TYPE "PhaseLogKind" AS ENUM ('PHASE', 'PAUSE', 'EVENT');

-- AlterTable
ALTER TABLE "PhaseLog" ADD COLUMN "kind" "PhaseLogKind" NOT NULL DEFAULT 'PHASE';

-- The seat events logged so far (entered and left at once, reason seat_left:N / seat_released:N).
UPDATE "PhaseLog" SET "kind" = 'EVENT' WHERE "reason" LIKE 'seat\_%' AND "leftAt" = "enteredAt";
