import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An area (arbetsområde) of a plan; titles are unique per plan. */
@Entity({ name: 'area' })
export class AreaEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'plan_id', type: 'uuid' })
  planId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'int', default: 0 })
  position!: number;
}
