create table cases.half_done (id int);

insert into cases.half_done values (1);
select no_such_function();
