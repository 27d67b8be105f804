/**
 * torchrun's words before `longva/train/train_mem.py` for one node, as the released
 * t3_sft/longva_exp/longva_t3.sh gives them (NNODES=1, GPUS_PER_NODE=8, node rank 0,
 * MASTER_PORT=32456): what the rendered plan and the real launch must both pass.
 */
export const LONGVA_TORCHRUN_HEAD: readonly string[] = [
  "--nnodes",
  "1",
  "--nproc_per_node",
  "8",
  "--node_rank",
  "0",
  "--master_addr",
  "127.0.0.1",
  "--master_port",
  "32456",
];
