-- Rooms that never end (issue 17, items 6 and 7): when a room was left with nobody present, when
-- it next needs waking (the sweeper's one condition), and each seat's check-in and last activity.

-- AlterTable
ALTER TABLE "Room" ADD COLUMN "vacantSince" TIMESTAMP(3),
ADD COLUMN "wakeAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Seat" ADD COLUMN "checkInBy" TIMESTAMP(3),
ADD COLUMN "activeAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Room_wakeAt_idx" ON "Room"("wakeAt");

-- Every room still open is looked at once after the upgrade, which works out its next wake-up.
UPDATE "Room" SET "wakeAt" = (now() AT TIME ZONE 'UTC')::timestamp(3) WHERE "phase" NOT IN ('FINISHED', 'ABANDONED');
