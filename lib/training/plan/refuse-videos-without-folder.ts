/**
 * LongVA's `train.py` opens every `"video"` record at `os.path.join(video_folder, video)`:
 * a mix with video records and no video folder fails only on the cluster, at the first
 * such record. Named here, before anything is written or started.
 */
import { InputError } from "../../errors/index";
import { isJsonObject, readRecords } from "../../json/index";
import type { TrainingPlan } from "./plan-training";

export async function refuseVideosWithoutFolder(plan: TrainingPlan): Promise<void> {
  if (plan.codebase !== "longva" || plan.videoFolder) return;
  for (const file of plan.dataFiles)
    for await (const { index, line, record } of readRecords(file)) {
      if (!isJsonObject(record) || record.video === undefined) continue;
      throw new InputError(
        { file, record: line ?? index, recordKind: line ? "line" : "record", field: "video" },
        "a video record, and no --video-folder (data.videoFolder): LongVA's train.py joins the video folder to every video path",
      );
    }
}
