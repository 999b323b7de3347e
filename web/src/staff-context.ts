/** The signed-in staff user, for pages that show or hide things by role (the server checks every role again). */
import { createContext, useContext } from 'react';
import type { Staff } from './api';

export const StaffContext = createContext<Staff | null>(null);

export function useStaff(): Staff {
  const staff = useContext(StaffContext);
  if (!staff) throw new Error('useStaff outside StaffShell');
  return staff;
}

export type Role = Staff['role'];

export function hasRole(staff: Staff, ...roles: Role[]): boolean {
  return roles.includes(staff.role);
}
