import { db } from "../db";

/** Row counts of every table, for checking what a cleanup or withdrawal did. No row content. */
export async function countRows(): Promise<{ counts: Record<string, number> }> {
  const p = db();
  const tables: Record<string, () => Promise<number>> = {
    User: () => p.user.count(),
    Scenario: () => p.scenario.count(),
    ScenarioRole: () => p.scenarioRole.count(),
    ScenarioRound: () => p.scenarioRound.count(),
    ScenarioOption: () => p.scenarioOption.count(),
    CustomGame: () => p.customGame.count(),
    Room: () => p.room.count(),
    Seat: () => p.seat.count(),
    Choice: () => p.choice.count(),
    Consensus: () => p.consensus.count(),
    ConsensusVote: () => p.consensusVote.count(),
    ConsensusConfidence: () => p.consensusConfidence.count(),
    PhaseAck: () => p.phaseAck.count(),
    PhaseLog: () => p.phaseLog.count(),
    ChatMessage: () => p.chatMessage.count(),
    Memo: () => p.memo.count(),
    VoiceSession: () => p.voiceSession.count(),
    Recording: () => p.recording.count(),
    AiGeneration: () => p.aiGeneration.count(),
    ProcessedOperation: () => p.processedOperation.count(),
    Withdrawal: () => p.withdrawal.count(),
  };
  const entries = await Promise.all(Object.entries(tables).map(async ([name, count]) => [name, await count()] as const));
  return { counts: Object.fromEntries(entries) };
}
