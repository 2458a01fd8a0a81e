/** `metav1.Condition` as CAPI v1beta2 objects (and `status.conditions` of v1beta2 kinds) carry it. */
export interface V1Beta2Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
  observedGeneration?: number;
}

/** The deprecated CAPI v1beta1 condition: reason/severity only when not True. */
export interface V1Beta1Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  severity?: 'Error' | 'Warning' | 'Info';
  reason?: string;
  message?: string;
  lastTransitionTime: string;
}

export interface ConditionInput {
  type: string;
  status: boolean | 'Unknown';
  reason: string;
  message?: string;
  /** v1beta1 severity when not True; defaults to Error for False, Info for Unknown. */
  severity?: 'Error' | 'Warning' | 'Info';
}

function statusOf(input: ConditionInput): 'True' | 'False' | 'Unknown' {
  if (input.status === 'Unknown') return 'Unknown';
  return input.status ? 'True' : 'False';
}

/** Keeps lastTransitionTime while a condition's status does not change, as controllers do. */
function transitionTime(
  previous:
    | Array<{ type: string; status: string; lastTransitionTime?: string }>
    | undefined,
  type: string,
  status: string,
  now: string,
): string {
  const prev = previous?.find(c => c.type === type);
  return prev && prev.status === status && prev.lastTransitionTime
    ? prev.lastTransitionTime
    : now;
}

export function v1beta2Conditions(
  inputs: ConditionInput[],
  previous: V1Beta2Condition[] | undefined,
  now: string,
  observedGeneration?: number,
): V1Beta2Condition[] {
  return inputs.map(input => {
    const status = statusOf(input);
    return {
      type: input.type,
      status,
      ...(observedGeneration ? { observedGeneration } : {}),
      lastTransitionTime: transitionTime(previous, input.type, status, now),
      reason: input.reason,
      message: input.message ?? '',
    };
  });
}

export function v1beta1Conditions(
  inputs: ConditionInput[],
  previous: V1Beta1Condition[] | undefined,
  now: string,
): V1Beta1Condition[] {
  return inputs.map(input => {
    const status = statusOf(input);
    const condition: V1Beta1Condition = {
      type: input.type,
      status,
      lastTransitionTime: transitionTime(previous, input.type, status, now),
    };
    if (status !== 'True') {
      condition.severity =
        input.severity ?? (status === 'False' ? 'Error' : 'Info');
      condition.reason = input.reason;
      if (input.message) condition.message = input.message;
    }
    return condition;
  });
}
