import { mockApis } from '@backstage/frontend-test-utils';

type AuthorizeOption = NonNullable<
  NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
>;
// `AuthorizeResult.ALLOW | DENY`, whose values are these strings; the enum's package is
// not a dependency of this plugin.
type Result = Exclude<AuthorizeOption, (...args: any[]) => unknown>;

/** A permission API that allows `multicloud.failover.execute` on these clusters only. */
export function failoverAllowedOn(
  ...clusters: string[]
): ReturnType<typeof mockApis.permission> {
  return mockApis.permission({
    authorize: request => {
      const resourceRef = (request as { resourceRef?: string }).resourceRef;
      return (
        request.permission.name === 'multicloud.failover.execute' &&
        resourceRef !== undefined &&
        clusters.includes(resourceRef)
          ? 'ALLOW'
          : 'DENY'
      ) as Result;
    },
  });
}
